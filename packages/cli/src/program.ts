import type { Client } from '@pingone-sdk/core';
import { Command, Option } from 'commander';
import { createCliClient } from './create-cli-client.js';
import { collect } from './key-values.js';
import { loadCredentials } from './profiles.js';
import { version } from './version.js';

interface GlobalOptions {
  profile?: string;
  verbose?: boolean;
}

/**
 * The `pingone` command line; each command's module loads when it runs, so that an export does not
 * pay for the command table and the schema validator.
 * `run` records the exit code an action asks for. */
export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('pingone')
    .description(
      'Administer PingOne from the command line: users, audit activities, images and every API operation.',
    )
    .version(version, '--version')
    .option(
      '--profile <name>',
      'credentials saved with `pingone profile save` (PINGONE_* variables override single fields)',
    )
    .option('--verbose', 'show each request on stderr (method, URL, status, timing; never secrets)')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();

  const clientOf = (command: Command) => {
    let client: Promise<Client> | undefined;
    return () => {
      const options = command.optsWithGlobals<GlobalOptions>();
      client ??= loadCredentials(options.profile).then((credentials) =>
        createCliClient(credentials, options.verbose === true),
      );
      return client;
    };
  };

  const api = program
    .command('api')
    .description('call any operation of the SDK by its function name (listUsers) or kebab-case (list-users)')
    .argument('[operation]', 'the operation, e.g. listUsers; `--list` shows them all')
    .option('--path <name=value>', 'a path parameter (repeatable)', collect)
    .option('--query <name=value>', 'a query parameter (repeatable)', collect)
    .option('--body <json>', 'the request body: @file.json, - for stdin, or inline JSON')
    .option('--all', 'page through a list and write every item as NDJSON')
    .option('--list [family]', 'list the operations, optionally of one family (e.g. users)')
    .helpOption(false)
    .option('-h, --help', 'this help, or with an operation: its parameters and body fields')
    .action(async (operation: string | undefined, options, command: Command) => {
      await (await import('./commands/api.js')).runApi(operation, options, clientOf(command), () =>
        api.helpInformation(),
      );
    });

  const users = program.command('users').description('export and import users in bulk');
  users
    .command('export')
    .description('stream every user (or a population, or a filter) as NDJSON or CSV, in constant memory')
    .option('--population <id>', 'only the users of this population')
    .option('--filter <scim>', 'a SCIM filter, e.g. \'email ew "@example.com"\'')
    .addOption(new Option('--format <format>', 'output format').choices(['ndjson', 'csv']).default('ndjson'))
    .option('--output <file>', 'write to a file instead of stdout')
    .option('--page-size <n>', 'users per request (1 to 1000)', '1000')
    .action(async (options, command: Command) =>
      (await import('./commands/users-export.js')).runUsersExport(options, clientOf(command)),
    );
  users
    .command('import')
    .description('create the users of a CSV or NDJSON file; a re-run skips those already there')
    .argument('<file>', 'CSV with a header of field paths (username,email,name.given,…) or NDJSON')
    .requiredOption('--population <id>', 'the population every imported user joins')
    .addOption(
      new Option('--format <format>', 'input format (default: from the file extension)').choices([
        'csv',
        'ndjson',
      ]),
    )
    .option('--dry-run', 'check every row against the user schema and send nothing')
    .option('--failures <file>', "write the rows that failed, with PingOne's code and message, as NDJSON")
    .option('--concurrency <n>', 'most requests in flight; fewer while PingOne answers 429', '16')
    .action(async (file: string, options, command: Command) =>
      setExitCode(
        await (await import('./commands/users-import.js')).runUsersImport(file, options, clientOf(command)),
      ),
    );

  const activities = program.command('activities').description('audit activities for a SIEM or a report');
  activities
    .command('stream')
    .description(
      'write activities as NDJSON, oldest first; with --checkpoint a restart continues after the last one written',
    )
    .option(
      '--since <time>',
      'ISO 8601 time or a duration back from now (15m, 2h, 7d); not needed when resuming a checkpoint',
    )
    .option('--until <time>', 'stop before this time')
    .option('--follow', 'keep polling for new activities once caught up')
    .option('--checkpoint <file>', 'where the stream stands; replaced atomically after every page written')
    .option('--filter <scim>', 'narrow by one equality, e.g. \'action.type eq "USER.CREATED"\'')
    .option('--output <file>', 'append to a file instead of stdout (exactly once even when killed)')
    .option('--interval <seconds>', 'seconds between polls with --follow', '10')
    .option('--page-size <n>', 'activities per request (1 to 1000)', '1000')
    .action(async (options, command: Command) =>
      (await import('./commands/activities-stream.js')).runActivitiesStream(options, clientOf(command)),
    );
  activities
    .command('report')
    .description('count activities by action, result or day')
    .requiredOption('--since <time>', 'ISO 8601 time or a duration back from now (15m, 2h, 7d)')
    .option('--until <time>', 'stop before this time')
    .addOption(
      new Option('--by <key>', 'what to count by').choices(['action', 'result', 'day']).default('action'),
    )
    .option('--filter <scim>', 'narrow by one equality')
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'),
    )
    .action(async (options, command: Command) =>
      (await import('./commands/activities-report.js')).runActivitiesReport(options, clientOf(command)),
    );

  const images = program
    .command('images')
    .description('upload, read and delete images (PNG, JPEG, GIF up to 2 MB)');
  images
    .command('upload')
    .argument('<file>', 'the image file')
    .description('upload an image; its JSON (with the URLs PingOne serves it at) goes to stdout')
    .action(async (file: string, _options, command: Command) =>
      (await import('./commands/images.js')).runImagesUpload(file, clientOf(command)),
    );
  images
    .command('get')
    .argument('<imageId>')
    .description('show an image')
    .action(async (imageId: string, _options, command: Command) =>
      (await import('./commands/images.js')).runImagesGet(imageId, clientOf(command)),
    );
  images
    .command('delete')
    .argument('<imageId>')
    .description('delete an image')
    .action(async (imageId: string, _options, command: Command) =>
      (await import('./commands/images.js')).runImagesDelete(imageId, clientOf(command)),
    );

  program
    .command('token')
    .description('print a worker access token on stdout, for scripts')
    .action(async (_options, command: Command) =>
      (await import('./commands/token.js')).runToken(
        await loadCredentials(command.optsWithGlobals<GlobalOptions>().profile),
      ),
    );

  const profile = program
    .command('profile')
    .description('saved credentials (an owner-only file in your config directory)');
  profile
    .command('save')
    .argument('<name>')
    .description('save the PINGONE_* variables of this shell as a profile')
    .option('--secret-stdin', 'read the client secret from stdin instead of PINGONE_CLIENT_SECRET')
    .action(async (name: string, options) =>
      (await import('./commands/profile.js')).runProfileSave(name, options),
    );
  profile
    .command('path')
    .description('print where profiles are kept')
    .action(async () => (await import('./commands/profile.js')).runProfilePath());
  return program;
}

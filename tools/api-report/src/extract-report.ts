import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';
import type { EntryPoint } from './entry-points.js';

/**
 * The API report of one entry point, as api-extractor writes it from the built declarations: every
 * exported name with its full signature. Analysis problems (a forgotten export, a missing release tag)
 * are written into the report rather than failing, so that a reviewer sees them in the diff.
 */
export function extractReport(packageFolder: string, entry: EntryPoint): string {
  const scratch = mkdtempSync(join(tmpdir(), 'pingone-sdk-api-report-'));
  try {
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: packageFolder,
        mainEntryPointFilePath: entry.declarationPath,
        compiler: {
          overrideTsconfig: {
            compilerOptions: {
              target: 'ES2022',
              lib: ['ES2023', 'DOM', 'DOM.Iterable'],
              module: 'NodeNext',
              moduleResolution: 'NodeNext',
              strict: true,
              skipLibCheck: true,
              types: [],
            },
            files: [entry.declarationPath],
          },
        },
        apiReport: {
          enabled: true,
          reportFileName: entry.reportName,
          reportFolder: scratch,
          reportTempFolder: scratch,
          includeForgottenExports: false,
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
          extractorMessageReporting: {
            default: { logLevel: ExtractorLogLevel.None, addToApiReportFile: true },
            // Release tags are not used here; and a missing comment is listed with its line number, so
            // any edit above it would change the report. typedoc's own check already demands comments.
            'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
            'ae-undocumented': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
          },
          tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
        },
      },
      configObjectFullPath: join(packageFolder, 'api-extractor.json'),
      packageJsonFullPath: join(packageFolder, 'package.json'),
    });
    const result = Extractor.invoke(config, { localBuild: true, showVerboseMessages: false });
    if (!result.succeeded) {
      throw new Error(`api-extractor failed on ${entry.declarationPath} (${result.errorCount} errors)`);
    }
    return readFileSync(join(scratch, `${entry.reportName}.api.md`), 'utf8');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

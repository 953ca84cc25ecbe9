/**
 * The public surface of @pingone-sdk/management, written the way users write it (the README's
 * quickstart). Never run: tools/release type-checks it against the build, and the copy from the last
 * release tag must still compile against the next build, or the release is major.
 */
import { type Client, clientCredentials, NotFoundError, paginate } from '@pingone-sdk/core';
import {
  type CreateUserData,
  createManagementClient,
  createUser,
  deleteUser,
  getUser,
  listUsers,
  type ManagementClientConfig,
  type User,
} from '@pingone-sdk/management';

const config: ManagementClientConfig = {
  region: 'EU',
  environmentId: 'environment',
  token: clientCredentials({
    environmentId: 'admin-environment',
    clientId: 'client',
    clientSecret: 'secret',
    region: 'EU',
  }),
};
export const client: Client = createManagementClient(config);

export async function quickstart(populationId: string): Promise<string[]> {
  const body: CreateUserData['body'] = {
    username: 'ada',
    email: 'ada@example.com',
    population: { id: populationId },
  };
  const { data: created } = await createUser({ client, body });
  const id: string = created.id;
  const { data: user, response } = await getUser({ client, path: { userId: id } });
  const same: User = user;
  await getUser({
    client,
    path: { environmentId: 'other-environment', userId: id },
    signal: AbortSignal.timeout(1000),
  });
  const { data: page } = await listUsers({ client, query: { filter: 'email sw "ada"', limit: 10 } });
  const names: string[] = (page._embedded?.users ?? []).map((each: User) => each.username);
  for await (const each of paginate(listUsers, { client, query: { filter: 'email sw "ada"' } })) {
    names.push(each.username);
  }
  try {
    await deleteUser({ client, path: { userId: id } });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  return [same.username, String(response.status), ...names];
}

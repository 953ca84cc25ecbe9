/**
 * The public surface of @pingone-sdk/verify, written the way users write it (a policy, a transaction
 * under it, the status read back, voice phrases). Never run: tools/release type-checks it against the
 * build, and the copy from the last release tag must still compile against the next build, or the
 * release is major.
 */
import { createClient, paginate } from '@pingone-sdk/core';
import {
  createUserVerifyTransaction,
  createVerifyPolicy,
  createVoicePhrase,
  createVoicePhraseContent,
  deleteVerifyPolicy,
  getUserVerifyTransaction,
  listUserVerifyTransactions,
  listVerifyPolicies,
  replaceUserVerifyTransaction,
  type UserVerifyTransaction,
  type UserVerifyTransactionStatusValue,
  type VerifyPolicy,
  type VerifyRequirement,
  type VerifyThreshold,
} from '@pingone-sdk/verify';

const client = createClient({ region: 'EU', environmentId: 'environment', token: 'token' });

export async function verifyUser(
  userId: string,
  strictness: VerifyThreshold,
): Promise<UserVerifyTransaction> {
  const required: VerifyRequirement = 'REQUIRED';
  const body: VerifyPolicy = {
    name: 'Document and selfie',
    governmentId: { verify: required, inspectionType: 'AUTOMATIC' },
    facialComparison: { verify: required, threshold: strictness },
    liveness: { verify: required, threshold: strictness },
    email: { verify: 'OPTIONAL' },
    transaction: { timeout: { duration: 15, timeUnit: 'MINUTES' } },
  };
  const { data: policy } = await createVerifyPolicy({ client, body });
  const verifyPolicyId: string = policy.id ?? '';
  const { data: started } = await createUserVerifyTransaction({
    client,
    path: { userId },
    body: { verifyPolicy: { id: verifyPolicyId }, sendNotification: { email: 'ada@example.com' } },
  });
  const link: string | undefined = started.webVerificationUrl;
  const { data: current } = await getUserVerifyTransaction({
    client,
    path: { userId, transactionId: started.id },
  });
  if (link === undefined && current.transactionStatus.status === 'FAIL') {
    await replaceUserVerifyTransaction({
      client,
      path: { userId, transactionId: started.id },
      body: { transactionStatus: { status: 'APPROVED_MANUALLY' } },
    });
  }
  await deleteVerifyPolicy({ client, path: { verifyPolicyId } });
  return current;
}

export async function statuses(userId: string): Promise<UserVerifyTransactionStatusValue[]> {
  const { data } = await listUserVerifyTransactions({ client, path: { userId } });
  const names: string[] = [];
  for await (const policy of paginate(listVerifyPolicies, { client })) names.push(policy.name);
  const { data: phrase } = await createVoicePhrase({ client, body: { displayName: names[0] ?? 'Phrase' } });
  await createVoicePhraseContent({
    client,
    path: { voicePhraseId: phrase.id ?? '' },
    body: { locale: 'en', content: 'My voice is my key.' },
  });
  return data._embedded.verifyTransactions.map((transaction) => transaction.transactionStatus.status);
}

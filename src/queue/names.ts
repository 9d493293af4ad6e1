// Queue and job names and their typed data. Job data carries ids only: processors reload state,
// so a job run twice or late does the right thing.

export const QUEUES = { collect: 'collect', digest: 'digest' } as const;

export interface CollectSourceJob {
  sourceId: string;
}

/** Deterministic job ids: a second enqueue of the same work is a no-op. */
export const jobIds = {
  collectSource: (sourceId: string) => `fetch-${sourceId}`,
  compileDigest: (month: string) => `digest-${month}`,
};

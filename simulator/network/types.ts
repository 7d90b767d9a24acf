// State, commands and events of the network between clients and brokers.
export type DropRule = { what: 'request' | 'response'; producer: string | null; remaining: number };

export type NetworkState = {
  /** Probability (0..1) that a produce request never reaches the broker. */
  requestLossRate: number;
  /** Probability (0..1) that a produce response never reaches the producer. */
  responseLossRate: number;
  dropRules: DropRule[];
  /** Brokers whose replica fetchers are stalled (they still heartbeat): followers there fetch nothing. */
  pausedReplicaFetchers: number[];
};

declare module '../engine/state' {
  interface SimState {
    network: NetworkState;
  }
}

declare module '../engine/registry' {
  interface CommandMap {
    /** Seeded random loss of produce requests / responses (0..1). */
    setNetworkFaults: { requestLossRate?: number; responseLossRate?: number };
    /** Drop the next `count` (default 1) produce requests or responses, optionally only for one producer. */
    dropNext: { what: 'request' | 'response'; producer?: string; count?: number };
    /** Stall broker `id`'s replica fetchers: as a follower it stops fetching but stays registered. */
    replicaFetchPause: { id: number };
    /** Let broker `id`'s replica fetchers run again. */
    replicaFetchResume: { id: number };
  }
  interface EventMap {
    networkFaultsChanged: { requestLossRate: number; responseLossRate: number; dropRules: DropRule[] };
    replicaFetchPaused: { brokerId: number };
    replicaFetchResumed: { brokerId: number };
  }
}

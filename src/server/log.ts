// The logger the server and CLI receive: main.ts passes one that writes to the console, tests a silent one
// or one that records. Fields are structured so a JSON log sink can be swapped in without touching callers.

export interface Log {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const silentLog: Log = { info() {}, warn() {}, error() {} };

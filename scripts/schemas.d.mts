export function derivePostgresSchema(text: string): string;
export function derivePostgresStorageSchema(text: string): string;

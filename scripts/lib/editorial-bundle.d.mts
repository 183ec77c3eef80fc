export const ROOT: string;
export function bundleDir(root?: string): string;
export function editorialBundle(root?: string): Promise<{ dir: string; built: boolean }>;
export function loadEditorial(
  entry: 'new' | 'review' | 'draft' | 'registry',
  root?: string,
): Promise<Record<string, unknown>>;
export function removeBundle(root?: string): void;

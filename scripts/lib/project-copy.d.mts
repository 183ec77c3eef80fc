export function copyProjectTo(root: string, dir: string, options?: { content?: string }): void;
export function buildEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;

// Password length rules, without dependencies so forms in the browser can show them too.
export const MIN_PASSWORD_LENGTH = 12;
// argon2 takes any length, but an unbounded one is a cheap way to burn CPU.
export const MAX_PASSWORD_LENGTH = 256;

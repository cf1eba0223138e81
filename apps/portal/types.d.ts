// Committed stand-in for the generated next-env.d.ts, so type checks run before any build.
/// <reference types="next" />
/// <reference types="next/image-types/global" />

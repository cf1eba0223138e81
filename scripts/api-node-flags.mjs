// Node flags of the API process, shared by `npm start` and the benchmarks so
// they measure the API as it runs. infra/Dockerfile and infra/docker-compose.yml
// carry the same flags (keep them in step).
//
// --max-semi-space-size=32: V8's young generation at 2 × 32 MB instead of
// 2 × 16 MB. A submission allocates a lot of short-lived objects (request,
// validation, text analysis); with the larger nursery fewer survive into the
// old generation. Measured on the submission benchmark, six interleaved pairs:
// 6,460 vs 6,070 req/s (+6.5%), for about 32 MB more memory.
export const API_NODE_FLAGS = ['--enable-source-maps', '--max-semi-space-size=32'];

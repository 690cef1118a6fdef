// s3rver in its own process: it needs `node --openssl-legacy-provider` for its list pagination.
// Usage (with an IPC channel): node --openssl-legacy-provider s3rver-process.mjs <port> <directory>
// Reports { type: 'ready', port } and exits when the parent goes away, so none is left behind.
import S3rver from 's3rver';

const [port, directory] = process.argv.slice(2);
const server = new S3rver({
  address: '127.0.0.1',
  port: Number(port),
  directory,
  silent: true,
  // Path-style requests only: no virtual-host bucket names on 127.0.0.1.
  vhostBuckets: false,
});

const stop = () => server.close().finally(() => process.exit(0));
process.on('disconnect', stop);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

try {
  const { port: boundPort } = await server.run();
  process.send?.({ type: 'ready', port: boundPort });
} catch (error) {
  process.send?.({ type: 'error', code: error.code, message: error.message });
  process.exit(1);
}

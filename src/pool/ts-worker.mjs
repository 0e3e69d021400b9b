// The worker threads' entry in a checkout, where the tasks are TypeScript: registers tsx in the
// worker (loader hooks are per thread), then loads the tasks. The built image has no TypeScript
// and no tsx: there the pool loads dist/pool/tasks.js directly and this file is not used.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const tasks = await import(workerData.tasksUrl);

export const extract = (task) => tasks.extract(task);
export const parseFeed = (task) => tasks.parseFeed(task);
export const ping = () => tasks.ping();

export { seedDemoIfEmpty, type DemoDeps } from './seed-demo.service.js';

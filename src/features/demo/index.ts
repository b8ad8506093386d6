export { seedDemoIfEmpty, localPublicationTime, type DemoDeps } from './seed-demo.service.js';

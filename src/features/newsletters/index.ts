export { saveSignup, signupSchema } from './newsletters.service.js';
export { newsletterSiteRoutes } from './newsletters.site-routes.js';
export { SignupBox } from './views/signup-box.js';

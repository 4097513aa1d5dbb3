// Preact + htm as one ES module, from the org.mvnpm:htm jar (gateway/pom.xml): no node, no bundler. Imported by a
// relative path, so index.html needs no import map (an inline script the Content-Security-Policy would have to allow).
// A new htm version: change the pom and this path (PortalTest fails if they disagree).
export * from '../_static/htm/3.1.1/preact/standalone.module.js';

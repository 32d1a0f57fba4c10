'use strict';
// restify 11 requires spdy when it loads (lib/server.js) and uses it only for `createServer({ spdy })`,
// which this assistant never calls. spdy's http-deceiver reads process.binding('http_parser'), which
// Node.js 24 no longer has: with the real spdy, restify 11 does not even load there (and on Node 20 it
// prints DEP0111). package.json's "overrides" puts this file in its place; restify 12 drops spdy but
// asks for Node >= 22, so this goes when Node 20 does (docs/decisions/0001-bot-framework-sdk.md).
function createServer() {
  throw new Error('SPDY is not available in this build of the assistant (vendor/spdy)');
}

module.exports = { createServer };

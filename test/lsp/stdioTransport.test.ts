import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { startServer } from './util';

/**
 * What a client might write instead of a well-formed frame, the line the server writes on stderr for it, and
 * whether the server reads the next frame.
 */
const BAD_FRAMES: [label: string, bytes: string, line: RegExp, recovers: boolean][] = [
  ['a misspelled Content-Length header', 'Content-Lenght: 10\r\n\r\n', /^pchat-topology-server: bad message header from the client: Header must provide a Content-Length property\. \{"content-lenght":"10"\}$/m, true],
  ['a Content-Length that is not a number', 'Content-Length: ten\r\n\r\n', /^pchat-topology-server: bad message header from the client: Content-Length value must be a number\. Got ten$/m, true],
  ['a header line without a colon', 'hello\r\n\r\n', /^pchat-topology-server: bad message header from the client: Message header must separate key and value using ':' hello$/m, true],
  // The garbage runs into the header's name; the body then stays behind as the start of the next header, and so on.
  ['garbage before a header', 'garbage!Content-Length: 2\r\n\r\n{}', /^pchat-topology-server: bad message header from the client: Header must provide a Content-Length property\. \{"garbage!content-length":"2"\}$/m, false],
  ['a body that is not JSON', 'Content-Length: 5\r\n\r\nhello', /^pchat-topology-server: message from the client is not JSON: /m, true],
];

describe('LSP over stdio: frames the server cannot read', () => {
  for (const [label, bytes, line, recovers] of BAD_FRAMES) {
    it(`${label}: one line on stderr, no crash${recovers ? ', and the next message is answered' : ''}`, async () => {
      const client = await startServer();
      try {
        client.child.stdin!.write(bytes);
        const stderr = await client.waitForStderr(line, 5000);
        assert.doesNotMatch(stderr, /^\s+at /m, 'a stack trace');
        assert.ok(stderr.trim().split('\n').every((l) => l.startsWith('pchat-topology-server: ')), `every problem on a line of its own:\n${stderr}`);
        if (recovers) {
          assert.equal(stderr.trim().split('\n').length, 1, `stderr:\n${stderr}`);
          const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: 'file:///never-opened.topology.yaml' }, position: { line: 0, character: 0 } });
          assert.equal(hover, null);
        }
        assert.ok(client.isAlive(), `the server exited; stderr:\n${client.stderr}`);
      } finally {
        client.connection.dispose();
        client.child.kill();
      }
    });
  }
});

describe('LSP over stdio: the end of stdin', () => {
  for (const [label, shutdownFirst, code] of [
    ['without a shutdown request the server exits with 1', false, 1],
    ['after a shutdown request the server exits with 0', true, 0],
  ] as const) {
    it(label, async () => {
      const client = await startServer();
      if (shutdownFirst) await client.connection.sendRequest('shutdown');
      const exited = new Promise<number | null>((resolve) => client.child.once('exit', resolve));
      client.child.stdin!.end();
      assert.equal(await exited, code, `stderr:\n${client.stderr}`);
      client.connection.dispose();
    });
  }
});

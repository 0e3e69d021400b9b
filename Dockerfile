# execwatch container image.
#
#   docker build -t execwatch .          (or ../shared/tools/docker-local.sh . -t execwatch)
#
# Stages: `build` installs every dependency, compiles TypeScript to dist/ and then drops the dev
# dependencies; `base` is the Node image without its compiler toolchain and npm; the final stage
# is that file system flattened into one layer (so what `base` deleted really is gone) with the
# compiled app, its production dependencies and the default config on top.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# better-sqlite3 is compiled against this Node: python3, make and g++ are needed (some base images
# already carry them). Building from source avoids downloading a prebuilt binary from GitHub.
RUN if ! command -v g++ >/dev/null || ! command -v make >/dev/null || ! command -v python3 >/dev/null; then \
      apt-get update -qq && apt-get install -y -qq --no-install-recommends python3 make g++ >/dev/null \
      && rm -rf /var/lib/apt/lists/*; \
    fi
ENV npm_config_build_from_source=true \
    npm_config_fund=false \
    npm_config_audit=false \
    npm_config_update_notifier=false
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# A type error fails the build. TYPECHECK=false still compiles (tsc emits despite type errors):
# an escape hatch for trying a work-in-progress tree, never for releases.
ARG TYPECHECK=true
RUN npx tsc -p tsconfig.build.json || [ "$TYPECHECK" = "false" ]
# Production dependencies only; tsx runs the sources in a checkout, never in the image. Then the
# files nothing loads at run time: type declarations, source maps, docs, the TypeScript sources
# and CommonJS copies some packages ship beside their ESM build, the chart font's unused weights
# (src/render/font.ts reads 400Regular and 700Bold), the addon's build tree.
RUN npm prune --omit=dev --no-audit --no-fund \
 && npm uninstall --no-save --omit=dev --no-audit --no-fund tsx \
 && find node_modules -type f \( -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' -o -name '*.map' \
      -o -iname 'README*' -o -iname 'CHANGELOG*' -o -iname 'HISTORY*' -o -name '*.md' \) -delete \
 && rm -rf node_modules/gpt-tokenizer/src node_modules/gpt-tokenizer/cjs node_modules/openai/src \
 && find node_modules/@expo-google-fonts/noto-sans -mindepth 1 -maxdepth 1 -type d \
      ! -name 400Regular ! -name 700Bold -exec rm -rf {} + \
 && find node_modules/@expo-google-fonts/noto-sans -name '*.png' -delete \
 && addon=node_modules/better-sqlite3 \
 && mv "$addon/build/Release/better_sqlite3.node" /tmp/ \
 && rm -rf "$addon/build" "$addon/deps" "$addon/src" \
 && mkdir -p "$addon/build/Release" && mv /tmp/better_sqlite3.node "$addon/build/Release/"

FROM ${NODE_IMAGE} AS base
# The runtime needs node and nothing that builds or installs code: remove a compiler toolchain if
# the base image has one (the official slim images do not), npm/yarn/corepack and Node's headers,
# then make the non-root user's data directory.
RUN set -e; \
    purge=$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' g++ gcc make cpp python3 2>/dev/null \
      | awk '$1 == "ii" { print $2 }' || true); \
    if [ -n "$purge" ]; then apt-get purge -y -qq --auto-remove $purge >/dev/null; fi; \
    rm -rf /var/lib/apt/lists/* /var/cache/apt/* /var/log/* /usr/share/doc /usr/share/man /tmp/* \
      /usr/include/node /usr/local/include/node \
      /usr/lib/node_modules /usr/bin/npm /usr/bin/npx /usr/bin/corepack \
      /usr/local/lib/node_modules /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack /opt/yarn-* \
      /usr/local/bin/yarn /usr/local/bin/yarnpkg; \
    getent group 1000 >/dev/null || groupadd --gid 1000 execwatch; \
    getent passwd 1000 >/dev/null || useradd --uid 1000 --gid 1000 --no-create-home --shell /usr/sbin/nologin execwatch; \
    mkdir -p /data /config; \
    chown 1000:1000 /data; \
    node --version

FROM scratch
COPY --from=base / /
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    NODE_ENV=production \
    EXECWATCH_DATA_DIR=/data \
    EXECWATCH_CONFIG=/config/execwatch.yaml \
    EXECWATCH_HTTP_PORT=8080
WORKDIR /app
COPY package.json ./
COPY bin ./bin
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The default config twice: where the app looks by default, and in /config, which a bind mount of
# your own config directory replaces.
COPY config ./config
COPY config/execwatch.yaml /config/execwatch.yaml
USER 1000:1000
VOLUME ["/data"]
EXPOSE 8080
# node rather than curl: the image has no curl. A failed or slow answer is unhealthy. Every 3 s, so
# that a fresh container shows healthy within seconds (Docker 20.10 has no --start-interval).
HEALTHCHECK --interval=3s --timeout=3s --start-period=5s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.EXECWATCH_HTTP_PORT||8080)+'/healthz',{signal:AbortSignal.timeout(2500)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "/app/bin/execwatch.js"]
CMD ["run"]

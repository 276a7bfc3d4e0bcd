# syntax=docker/dockerfile:1
#
# The synchronizer as a container image: `synchronizer serve` as a non-root user, configuration and
# state as volumes. Build from the repository root (docs/deployment.md has the whole story):
#
#   docker build -t synchronizer --build-arg SOURCE_REVISION=$(git rev-parse --short HEAD) .
#   docker run -d --name synchronizer \
#       -v /etc/synchronizer:/etc/synchronizer:ro \
#       -v synchronizer-state:/var/lib/synchronizer \
#       -e SYNCHRONIZER__ADMIN_API__BIND=0.0.0.0:9480 \
#       -e SYNCHRONIZER__ADMIN_API__ADMIN_TOKEN=change-me -p 9480:9480 \
#       synchronizer
#
# /etc/synchronizer must hold synchronizer.conf (and clouds.yaml when [service_credentials] cloud is
# used); set [database] connection = sqlite:///var/lib/synchronizer/state.db to keep the state in the
# volume. The other commands run from the same image with another entrypoint:
#   docker run --rm -v /etc/synchronizer:/etc/synchronizer:ro --entrypoint /opt/synchronizer/synchronizer \
#       synchronizer check-config --config-file /etc/synchronizer/synchronizer.conf

# The SDK of global.json; any newer 10.0 SDK builds it too (rollForward: latestFeature).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0.401
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM --platform=$BUILDPLATFORM ${SDK_IMAGE} AS build
ARG TARGETARCH
# The commit, shown by `synchronizer version` (the build context has no .git).
ARG SOURCE_REVISION=
WORKDIR /src
COPY . .
# Framework-dependent for the target architecture: the runtime image supplies .NET and ASP.NET Core,
# and only the target's native SQLite library is kept (a portable publish carries 30 of them).
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish src/Synchronizer.Service/Synchronizer.Service.csproj \
        --configuration Release --arch "$TARGETARCH" --self-contained false \
        -p:SourceRevisionId="$SOURCE_REVISION" --output /out

FROM ${RUNTIME_IMAGE}
# curl for the health check; the .NET images carry no HTTP client of their own.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /out /opt/synchronizer
COPY etc/synchronizer/synchronizer.conf.sample etc/synchronizer/clouds.yaml.sample /opt/synchronizer/etc/
# $APP_UID is the unprivileged "app" user of the .NET images (1654); the state belongs to it alone.
RUN install -d -m 0755 /etc/synchronizer \
    && install -d -m 0700 -o "$APP_UID" -g "$APP_UID" /var/lib/synchronizer
ENV OS_CLIENT_CONFIG_FILE=/etc/synchronizer/clouds.yaml
VOLUME ["/etc/synchronizer", "/var/lib/synchronizer"]
USER $APP_UID
WORKDIR /var/lib/synchronizer
# The admin API: /healthz, /readyz, /v1/types, /v1/sync/{type}, /metrics. It listens on
# 127.0.0.1:9480 unless [admin_api] bind says otherwise; reaching it from outside the container needs
# bind = 0.0.0.0:9480, which requires admin_token.
EXPOSE 9480
# Runs inside the container, so loopback works whatever the bind address; the token is sent when it
# was given as SYNCHRONIZER__ADMIN_API__ADMIN_TOKEN (every route asks for it once it is set).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS -o /dev/null -H "Authorization: Bearer ${SYNCHRONIZER__ADMIN_API__ADMIN_TOKEN:-}" http://127.0.0.1:9480/healthz || exit 1
# SIGTERM (docker stop) shuts down gracefully: give it time with docker stop -t 120 or stop_grace_period.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/opt/synchronizer/synchronizer", "serve"]
CMD ["--config-file", "/etc/synchronizer/synchronizer.conf"]

# One image for every pipeline stage (docker-compose.yml runs it as ingest, features, predictor, actuator, sink and
# the one-shot topic creation). Build: docker build -t pipeline:local .   Run: docker run --rm pipeline:local --help

# ---- build: restore with only the project files first (cached), then publish the `pipeline` executable ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY contracts/Pipeline.Contracts.csproj contracts/
COPY runtime/Pipeline.Runtime.csproj runtime/
COPY ingest/Pipeline.Ingest.csproj ingest/
COPY features/Pipeline.Features.csproj features/
COPY predictor/Pipeline.Predictor.csproj predictor/
COPY actuator/Pipeline.Actuator.csproj actuator/
COPY sink/Pipeline.Sink.csproj sink/
COPY simulator/Pipeline.Simulator.csproj simulator/
COPY fleet/Pipeline.Fleet.csproj fleet/
COPY cli/Pipeline.Cli.csproj cli/
RUN dotnet restore cli/Pipeline.Cli.csproj
COPY contracts/ contracts/
COPY runtime/ runtime/
COPY ingest/ ingest/
COPY features/ features/
COPY predictor/ predictor/
COPY actuator/ actuator/
COPY sink/ sink/
COPY simulator/ simulator/
COPY fleet/ fleet/
COPY cli/ cli/
RUN dotnet publish cli/Pipeline.Cli.csproj -c Release --no-restore -o /app

# ---- runtime: the .NET runtime, curl for the healthchecks, a non-root user ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
USER app
# /app is read-only for the app user: `pipeline broker` (topic creation) records the bootstrap address under /tmp.
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    PIPELINE_BOOTSTRAP_FILE=/tmp/pipeline-bootstrap \
    KAFKA_BOOTSTRAP_SERVERS=kafka:9092 \
    INFLUX_URL=http://influxdb:8086
ENTRYPOINT ["/app/pipeline"]
CMD ["--help"]

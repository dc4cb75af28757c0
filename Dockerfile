# syntax=docker/dockerfile:1
# Build: docker build -t studybot .
# Run:   docker run -d --name studybot -v studybot-data:/app/data -e StudyBot__Discord__Token=... studybot
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first so the package layer is cached while sources change.
COPY Directory.Build.props Directory.Packages.props .editorconfig StudyBot.sln ./
COPY src/ src/
RUN dotnet restore src/StudyBot/StudyBot.csproj
RUN dotnet publish src/StudyBot/StudyBot.csproj -c Release -o /out --no-restore

# aspnet, not runtime: the web endpoint (health, metrics) runs on ASP.NET Core from the shared framework.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /out/ ./
COPY content/ ./content/
# The .NET images ship a non-root 'app' user ($APP_UID); the data folder must be writable by it.
RUN mkdir -p /app/data && chown -R $APP_UID /app/data
USER $APP_UID
ENV DOTNET_ENVIRONMENT=Production \
    StudyBot__Storage__DatabasePath=/app/data/studybot.db \
    StudyBot__Content__Path=/app/content \
    StudyBot__Web__Urls=http://127.0.0.1:8080
# data: the SQLite file (answers, leaderboards, Quartz schedules). content: packs, to edit without rebuilding.
VOLUME ["/app/data", "/app/content"]
# The image has no curl or wget: the bot's own 'healthcheck' verb GETs /healthz/ready on the URL above
# (inside the container, so loopback is enough). To publish port 8080, bind http://0.0.0.0:8080 and set
# StudyBot__Web__AdminToken: start refuses a non-loopback URL without one.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["dotnet", "studybot.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "studybot.dll"]

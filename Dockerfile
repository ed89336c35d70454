# syntax=docker/dockerfile:1
# The churnwatch app: built from this repository, run from its shaded jar as a non-root user.
# Used by docker-compose.yml (see deploy/README.md); `docker build -t churnwatch .` works on its own too.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# -pl streams-app -am builds the app and the modules it needs only: the registry module (the embedded dev
# stack's Apicurio uber-jar) stays out of the image. The cache mount keeps ~/.m2 between builds.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests package -pl streams-app -am

FROM eclipse-temurin:17-jre
RUN groupadd --system churnwatch \
    && useradd --system --gid churnwatch --home-dir /var/lib/churnwatch --shell /usr/sbin/nologin churnwatch \
    && mkdir -p /app /var/lib/churnwatch \
    && chown churnwatch:churnwatch /var/lib/churnwatch
# A named volume mounted on /var/lib/churnwatch (the state stores) starts with this owner.
COPY --from=build /src/streams-app/target/churnwatch.jar /app/churnwatch.jar
USER churnwatch
WORKDIR /var/lib/churnwatch
ENTRYPOINT ["java", "-jar", "/app/churnwatch.jar"]
CMD ["run"]

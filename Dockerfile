# syntax=docker/dockerfile:1
#
# Every image of Closed Loop from one file (docs/deployment.md, "The images"): the four services and the console,
# `--build-arg MODULE=<module>` (e.g. complaint-intake), and the demo SMS gateway (`--target sms-gateway`,
# MODULE=local-stack). docker-compose.yml builds them all; by hand:
#
#   docker build --build-arg MODULE=ticket-router --build-arg PORT=8082 -t closedloop/ticket-router:0.1.0 .
#
# The build stage does not depend on MODULE: it builds every deployable module in one Maven run, and BuildKit builds
# that stage once for all six images (the Maven repository stays in a cache mount between builds).

FROM eclipse-temurin:17.0.15_6-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests package \
        -pl complaint-intake,ticket-router,escalation-service,notification-service,web-console,local-stack -am \
    && javac -d /opt/healthcheck deploy/docker/HealthCheck.java

# Boot's layered jar, extracted with its launcher: the layers change from rarely to often (dependencies, the loader,
# our own snapshot modules, the module's classes), so a rebuild after a code change ships only the last layers.
FROM eclipse-temurin:17.0.15_6-jre AS extract
ARG MODULE
WORKDIR /extract
COPY --from=build /src/${MODULE}/target/${MODULE}-*-exec.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination layers \
    && mkdir -p layers/dependencies layers/spring-boot-loader layers/snapshot-dependencies layers/application

FROM eclipse-temurin:17.0.15_6-jre AS runtime
ARG MODULE
ARG PORT=8080
LABEL org.opencontainers.image.title="closedloop/${MODULE}" \
      org.opencontainers.image.version="0.1.0" \
      org.opencontainers.image.description="Closed Loop: ${MODULE}"
# a numeric user, so that Kubernetes' runAsNonRoot can check it; it owns nothing in the image (read-only code)
RUN groupadd --system --gid 10001 closedloop \
    && useradd --system --uid 10001 --gid 10001 --home-dir /tmp --no-create-home --shell /usr/sbin/nologin closedloop
WORKDIR /app
COPY --from=build /opt/healthcheck/ /opt/healthcheck/
COPY --from=extract /extract/layers/dependencies/ ./
COPY --from=extract /extract/layers/spring-boot-loader/ ./
COPY --from=extract /extract/layers/snapshot-dependencies/ ./
COPY --from=extract /extract/layers/application/ ./
# the heap from the container's memory limit; logs as ECS JSON lines (the embedded default keeps readable text)
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs
USER 10001:10001
EXPOSE ${PORT}
# the health probe is docker-compose's (and Kubernetes' HTTP probes): java -cp /opt/healthcheck HealthCheck <url>
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]

# The demo SMS gateway (MODULE=local-stack): only the demo outbox's recording gateway, not the embedded default.
FROM runtime AS sms-gateway
ENTRYPOINT ["java", "-cp", "/app/BOOT-INF/classes:/app/BOOT-INF/lib/*", "closedloop.localstack.outbox.DemoSmsGatewayApplication"]

# A service or the console (the default target).
FROM runtime AS service

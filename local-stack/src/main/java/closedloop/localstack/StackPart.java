package closedloop.localstack;

import closedloop.console.WebConsoleApplication;
import closedloop.issuer.IdentityIssuerApplication;
import closedloop.localstack.outbox.DemoOutbox;
import closedloop.notification.NotificationServiceApplication;
import closedloop.notification.callback.web.SmsReplySignatureFilter;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * One process of the split-process mode ({@code ./run-local --split}): the store, the broker, the issuer, the demo
 * outbox, a service or the console, started on its own from the same jar on the ports the settings name, as in
 * production. The parts start in the order of this list, stage by stage: each stage needs only what the earlier
 * stages serve.
 */
record StackPart(String name, int stage) {

    /** What a part prints once it serves; the launcher waits for it. */
    static final String UP = LocalStackApplication.PART_UP;

    /**
     * Every part, in start order: the store, the broker and the demo outbox; the issuer and the four services (which
     * reach the issuer only when a request comes); the console, which reads the issuer's address book as it starts.
     */
    static final List<StackPart> ALL = all();

    /** The part of this name. */
    static StackPart named(String name) {
        return ALL.stream().filter(part -> part.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No part " + name + "; the parts are " + ALL));
    }

    /** Starts this part as the settings say (every port fixed, none 0); what stops it. */
    AutoCloseable start(LocalStackSettings settings) {
        return switch (name) {
            case "mongodb" -> DurableMongoServer.start(
                    settings.dataDir().resolve("mongo").resolve("closedloop.mv"), settings.mongoPort());
            case "kafka" -> KafkaBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(),
                    settings.kafkaControllerPort());
            case IdentityIssuerApplication.NAME -> IdentityIssuerApplication.application().run(
                    LocalStack.issuerArguments(settings, port(settings, name), port(settings, WebConsoleApplication.NAME)));
            case "demo-outbox" -> outbox(settings);
            case WebConsoleApplication.NAME -> SharedClasspath.reactive(WebConsoleApplication.application()).run(
                    LocalStack.consoleArguments(settings, serviceUrls(settings), port(settings, name),
                            url(settings, IdentityIssuerApplication.NAME)));
            default -> SharedClasspath.reactive(LocalStack.SERVICES.get(name).get())
                    .run(LocalStack.arguments(settings, name, wiring(settings)));
        };
    }

    /** Runs this part until the process is told to stop (SIGTERM, Ctrl-C) or the launcher that started it is gone. */
    void run(LocalStackSettings settings) throws InterruptedException {
        // Ctrl-C reaches every process of the terminal's group: the launcher alone stops the parts, in order (SIGTERM)
        Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
        AutoCloseable running;
        try {
            running = start(settings);
        } catch (RuntimeException | Error e) {
            e.printStackTrace();
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
                System.out.println("Closed Loop part stopped: " + name);
            } catch (Exception e) {
                e.printStackTrace();
            }
            stopped.countDown();
        }, "closedloop-" + name + "-shutdown"));
        // a launcher killed with SIGKILL cannot stop its parts: each stops itself when its launcher is gone
        ProcessHandle.current().parent().ifPresent(launcher -> launcher.onExit().thenRun(() -> System.exit(0)));
        System.out.println(UP + name);
        stopped.await();
    }

    /** Where the addresses of the split-process mode are: every part on the loopback address, on its own port. */
    static Map<String, String> urls(LocalStackSettings settings) {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put(IdentityIssuerApplication.NAME, url(settings, IdentityIssuerApplication.NAME));
        urls.putAll(serviceUrls(settings));
        urls.put(WebConsoleApplication.NAME, url(settings, WebConsoleApplication.NAME));
        return urls;
    }

    static String url(LocalStackSettings settings, String application) {
        return "http://localhost:" + port(settings, application);
    }

    static LocalStack.Wiring wiring(LocalStackSettings settings) {
        return new LocalStack.Wiring("127.0.0.1:" + settings.kafkaPort(), "mongodb://127.0.0.1:" + settings.mongoPort(),
                url(settings, IdentityIssuerApplication.NAME), settings.smtpPort(),
                "http://127.0.0.1:" + settings.smsGatewayPort() + "/sms/messages");
    }

    private static Map<String, String> serviceUrls(LocalStackSettings settings) {
        Map<String, String> urls = new LinkedHashMap<>();
        LocalStack.SERVICES.keySet().forEach(service -> urls.put(service, url(settings, service)));
        return urls;
    }

    /** The demo outbox, forwarding customers' replies to notification-service, signed with its secret. */
    private static DemoOutbox outbox(LocalStackSettings settings) {
        DemoOutbox outbox = DemoOutbox.start(settings.smtpPort(), settings.smsGatewayPort(), Clock.systemUTC());
        String secret = ConfigFile.of(NotificationServiceApplication.NAME)
                .bind(LocalStack.SMS_REPLY_SECRET, String.class).get();
        outbox.forwardRepliesTo(url(settings, NotificationServiceApplication.NAME) + SmsReplySignatureFilter.PATH,
                secret);
        return outbox;
    }

    private static int port(LocalStackSettings settings, String application) {
        int port = settings.servicePorts().getOrDefault(application, 0);
        if (port == 0) {
            throw new IllegalArgumentException("The split-process mode needs a fixed port for " + application);
        }
        return port;
    }

    private static List<StackPart> all() {
        List<StackPart> parts = new ArrayList<>(List.of(new StackPart("mongodb", 1), new StackPart("kafka", 1),
                new StackPart("demo-outbox", 1), new StackPart(IdentityIssuerApplication.NAME, 2)));
        LocalStack.SERVICES.keySet().forEach(service -> parts.add(new StackPart(service, 2)));
        parts.add(new StackPart(WebConsoleApplication.NAME, 3));
        return List.copyOf(parts);
    }
}

package com.miniwms.salesorders.local;

import com.miniwms.salesorders.local.emulator.LocalAws;
import com.miniwms.salesorders.local.emulator.LocalLog;
import com.miniwms.salesorders.local.emulator.MotoServer;
import com.miniwms.salesorders.local.emulator.ProjectPaths;
import com.miniwms.salesorders.local.emulator.SamEvent;
import com.miniwms.salesorders.local.emulator.SamTemplate;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the template's functions locally: the AWS emulator with the template's resources, the functions' handlers in
 * this JVM, and their event sources (the HTTP API) in front of them.
 *
 * <p>From the command line ({@code make run}): {@code LocalRuntime [--port N] [--no-seed] [--auth]}; environment
 * {@code PORT}, {@code SEED=false}, {@code LOCAL_AUTH=on} with {@code LOCAL_JWT_SECRET}. As a library, for
 * end-to-end tests: {@code try (LocalRuntime local = LocalRuntime.start(Options.defaults().withPort(0))) ...}.
 *
 * <p>It sets JVM-wide system properties (endpoint, region, credentials, the functions' environment), so one
 * runtime per JVM.
 */
public final class LocalRuntime implements AutoCloseable {

    /** The event source kinds served locally: one entry per kind. */
    static final List<TriggerKind> TRIGGER_KINDS = List.of(
            new HttpApiTriggerKind(),
            new DynamoDbStreamTriggerKind(),
            new S3TriggerKind());

    private static final String DEMO_SUBJECT = "local-demo";
    /**
     * System property: {@code on} starts the marketplace stand-ins and one demo connection to each (the command line
     * turns it on unless {@code SANDBOX=false} or {@code --no-sandbox}); off by default for library use.
     */
    public static final String SANDBOX_PROPERTY = "local.sandbox";
    /** The schedule of the demo connections (locally run at most every minute). */
    static final String SANDBOX_SCHEDULE = "rate(5 minutes)";

    private final Options options;
    private final LocalAws aws;
    private final List<LocalFunction> functions;
    private final List<Trigger> triggers;
    private final int demoOrders;
    private SandboxTrigger sandbox;
    private volatile boolean closed;

    private LocalRuntime(Options options, LocalAws aws, List<LocalFunction> functions, List<Trigger> triggers,
                         int demoOrders) {
        this.options = options;
        this.aws = aws;
        this.functions = functions;
        this.triggers = triggers;
        this.demoOrders = demoOrders;
    }

    /** Starts everything; fails (having stopped what it started) when any part cannot start. */
    public static LocalRuntime start(Options options) {
        if (options.auth() && (options.jwtSecret() == null || options.jwtSecret().isBlank())) {
            throw new IllegalArgumentException("Local auth is on but LOCAL_JWT_SECRET is not set: set it to the"
                    + " secret your test tokens are signed with (HS256)");
        }
        CompletableFuture<MotoServer> emulator = CompletableFuture.supplyAsync(MotoServer::start);
        LocalAws aws = null;
        List<Trigger> triggers = new ArrayList<>();
        try {
            SamTemplate template = SamTemplate.load(options.templateOrDefault());
            aws = LocalAws.start(awaitEmulator(emulator), template, options.stackName());
            warnAboutShadowingEnvironment(aws);
            aws.applySystemProperties();

            // Functions invoking functions (Lambda Invoke) reach the ones in this JVM.
            java.util.concurrent.atomic.AtomicReference<List<LocalFunction>> hosted =
                    new java.util.concurrent.atomic.AtomicReference<>(List.of());
            LocalLambdaEndpoint lambda = LocalLambdaEndpoint.start(hosted::get);
            triggers.add(lambda);
            List<LocalFunction> functions = loadFunctions(aws, template);
            hosted.set(functions);
            TriggerContext context = new TriggerContext(options, aws, Clock.systemUTC());
            EventBusTap tap = startEventBusTap(aws);
            if (tap != null) {
                triggers.add(tap);
            }
            triggers.addAll(startTriggers(context, functions));
            SchedulerScheduleRunner schedules = startSchedules(aws, lambda);
            if (schedules != null) {
                triggers.add(schedules);
            }

            int seeded = 0;
            HttpApiTriggerKind.HttpApiTrigger api = httpApi(triggers);
            if (options.seed() && api != null) {
                seeded = DemoOrders.seed(api.baseUri(), seedToken(options, api));
            }
            SandboxTrigger sandbox = null;
            if (api != null && "on".equalsIgnoreCase(System.getProperty(SANDBOX_PROPERTY, "off"))) {
                sandbox = SandboxTrigger.start(api.baseUri(), routeKey -> routeToken(options, api, routeKey));
                triggers.add(sandbox);
            }
            LocalRuntime runtime = new LocalRuntime(options, aws, functions, triggers, seeded);
            runtime.sandbox = sandbox;
            return runtime;
        } catch (RuntimeException | Error e) {
            triggers.forEach(Trigger::close);
            if (aws != null) {
                aws.close();
            } else {
                emulator.thenAccept(MotoServer::close);
            }
            throw e;
        }
    }

    /** Command line: see the class comment and {@code --help}. */
    public static void main(String[] args) throws InterruptedException {
        // The SDK's own log lines (through SLF4J): warnings and errors only, short.
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        Options options;
        List<String> remaining = new ArrayList<>(List.of(args));
        boolean sandboxOff = remaining.remove("--no-sandbox")
                || List.of("false", "0", "off", "no").contains(String.valueOf(System.getenv("SANDBOX")).trim()
                .toLowerCase(Locale.ROOT));
        setIfAbsent(SANDBOX_PROPERTY, sandboxOff ? "off" : "on");
        try {
            options = Options.parse(remaining.toArray(String[]::new), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(Options.USAGE);
            System.out.println("  --no-sandbox     no marketplace stand-ins and demo connections (env SANDBOX=false)");
            return;
        }
        LocalRuntime runtime;
        try {
            runtime = start(options);
        } catch (RuntimeException e) {
            LocalLog.error("Local runtime did not start: " + e.getMessage(),
                    LocalLog.debugEnabled() ? e : null);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            System.out.println("Stopped the local API and the AWS emulator.");
            stopped.countDown();
        }, "local-runtime-stop"));
        System.out.println(runtime.readyLine());
        System.out.flush();
        stopped.await();
    }

    /** The local HTTP API, for example {@code http://127.0.0.1:3000}. */
    public URI baseUri() {
        HttpApiTriggerKind.HttpApiTrigger api = httpApi(triggers);
        if (api == null) {
            throw new IllegalStateException("The template has no HttpApi events");
        }
        return api.baseUri();
    }

    /** The events published to the stack's event buses so far (the last thousand), as EventBridge delivers them. */
    public List<com.fasterxml.jackson.databind.JsonNode> publishedEvents() {
        for (Trigger trigger : triggers) {
            if (trigger instanceof EventBusTap tap) {
                return tap.events();
            }
        }
        return List.of();
    }

    /** The marketplace stand-ins and their demo connections, when the sandbox is on. */
    public java.util.Optional<MarketplaceSandbox> sandbox() {
        return java.util.Optional.ofNullable(sandbox).map(SandboxTrigger::sandbox);
    }

    /** The AWS emulator endpoint. */
    public URI endpoint() {
        return aws.endpoint();
    }

    /** The emulator, its clients and the provisioned stack. */
    public LocalAws aws() {
        return aws;
    }

    /** How many demo orders exist after seeding (0 when seeding is off or failed). */
    public int demoOrders() {
        return demoOrders;
    }

    /** The one line printed when the runtime is ready. */
    public String readyLine() {
        StringBuilder line = new StringBuilder("Sales orders API ready at ").append(baseUri())
                .append(" (AWS emulator ").append(endpoint())
                .append(", stack ").append(aws.stack().stackName())
                .append(", ");
        line.append(options.seed() ? demoOrders + " demo orders" : "no demo orders");
        if (options.auth()) {
            line.append(", JWT auth on");
        }
        if (sandbox != null) {
            line.append(", ").append(sandbox.connections().size())
                    .append(" sandbox marketplace connections syncing at most every minute");
        }
        return line.append(')').toString();
    }

    /** Stops the event sources and the emulator. Safe to call more than once. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (Trigger trigger : triggers) {
                try {
                    trigger.close();
                } catch (RuntimeException e) {
                    LocalLog.warn("Stopping " + trigger.description() + " failed", e);
                }
            }
        } finally {
            aws.close();
        }
    }

    List<LocalFunction> functions() {
        return functions;
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private static MotoServer awaitEmulator(CompletableFuture<MotoServer> emulator) {
        try {
            return emulator.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static List<LocalFunction> loadFunctions(LocalAws aws, SamTemplate template) {
        List<LocalFunction> functions = template.functions().stream()
                .map(f -> new LocalFunction(f, aws.stack().stackName(), aws.stack().region(),
                        aws.stack().accountId()))
                .toList();
        // Handlers build their SDK clients in their constructors: load them side by side.
        List<CompletableFuture<Void>> loading = functions.stream()
                .map(f -> CompletableFuture.runAsync(f::load))
                .toList();
        loading.forEach(CompletableFuture::join);
        return functions;
    }

    private static List<Trigger> startTriggers(TriggerContext context, List<LocalFunction> functions) {
        Map<String, List<FunctionEvent>> byType = new LinkedHashMap<>();
        for (LocalFunction function : functions) {
            for (SamEvent event : function.definition().events()) {
                byType.computeIfAbsent(event.type(), t -> new ArrayList<>()).add(new FunctionEvent(function, event));
            }
        }
        List<Trigger> started = new ArrayList<>();
        try {
            for (TriggerKind kind : TRIGGER_KINDS) {
                List<FunctionEvent> events = byType.remove(kind.eventType());
                if (events != null) {
                    Trigger trigger = kind.start(context, events);
                    started.add(trigger);
                    LocalLog.debug(trigger.description());
                }
            }
        } catch (RuntimeException e) {
            started.forEach(Trigger::close);
            throw e;
        }
        byType.forEach((type, events) -> LocalLog.info("Not run locally yet: " + type + " events ("
                + events.stream().map(e -> e.function().logicalId() + "." + e.event().name()).toList() + ")"));
        return started;
    }

    /** Prints every event published to the stack's buses, one line each; a failure here only costs the printing. */
    private static EventBusTap startEventBusTap(LocalAws aws) {
        try {
            return EventBusTap.start(aws, line -> {
                System.out.println(line);
                System.out.flush();
            });
        } catch (RuntimeException e) {
            LocalLog.warn("Published events will not be shown: " + e.getMessage());
            return null;
        }
    }

    /** Runs the schedules of the stack's schedule groups; none without schedule groups. */
    private static SchedulerScheduleRunner startSchedules(LocalAws aws, LocalLambdaEndpoint lambda) {
        List<String> groups = aws.stack().resources().values().stream()
                .filter(r -> r.type().equals("AWS::Scheduler::ScheduleGroup"))
                .map(r -> r.physicalId())
                .toList();
        if (groups.isEmpty()) {
            return null;
        }
        return SchedulerScheduleRunner.start(aws.clients().scheduler(), groups, lambda::find);
    }

    /** A token with the scopes of one route, or {@code null} when auth is off. */
    private static String routeToken(Options options, HttpApiTriggerKind.HttpApiTrigger api, String routeKey) {
        if (!options.auth()) {
            return null;
        }
        List<String> scopes = api.routes().stream()
                .filter(r -> r.routeKey().equals(routeKey))
                .flatMap(r -> r.scopes().stream())
                .toList();
        return LocalJwt.token(options.jwtSecret(), DEMO_SUBJECT, scopes, Duration.ofMinutes(5));
    }

    private static HttpApiTriggerKind.HttpApiTrigger httpApi(List<Trigger> triggers) {
        for (Trigger trigger : triggers) {
            if (trigger instanceof HttpApiTriggerKind.HttpApiTrigger api) {
                return api;
            }
        }
        return null;
    }

    private static String seedToken(Options options, HttpApiTriggerKind.HttpApiTrigger api) {
        if (!options.auth()) {
            return null;
        }
        List<String> scopes = api.routes().stream()
                .filter(r -> r.routeKey().equals("POST /orders"))
                .flatMap(r -> r.scopes().stream())
                .toList();
        return LocalJwt.token(options.jwtSecret(), DEMO_SUBJECT, scopes, Duration.ofMinutes(5));
    }

    private static void warnAboutShadowingEnvironment(LocalAws aws) {
        aws.stack().functionEnvironment().forEach((name, local) -> {
            String shell = System.getenv(name);
            if (shell != null && !shell.equals(local) && !name.equals("JAVA_TOOL_OPTIONS")) {
                LocalLog.warn("Environment variable " + name + "=" + shell + " is set in this shell; the functions"
                        + " read it before the local value " + local + ". Unset it to use the local stack.");
            }
        });
    }

    /**
     * How the runtime starts.
     *
     * @param host interface of the HTTP API (loopback)
     * @param port HTTP API port; 0 picks a free one
     * @param seed whether to create the demo orders
     * @param auth whether the local JWT check is on
     * @param jwtSecret the HS256 secret of the local JWT check
     * @param template the SAM template; {@code null} for the project's {@code template.yaml}
     * @param stackName the stack name on the emulator
     * @param threads HTTP request threads
     */
    public record Options(String host, int port, boolean seed, boolean auth, String jwtSecret, Path template,
                          String stackName, int threads) {

        public static final int DEFAULT_PORT = 3000;
        public static final String DEFAULT_STACK = "sales-orders-local";

        static final String USAGE = """
                Usage: LocalRuntime [--port N] [--no-seed] [--auth] [--template FILE] [--stack NAME]
                  --port N         HTTP API port (default 3000, env PORT; 0 = any free port)
                  --no-seed        do not create the demo orders (env SEED=false)
                  --auth           check JWTs like the API's authorizer: HS256 tokens signed with env
                                   LOCAL_JWT_SECRET, scopes from the template (env LOCAL_AUTH=on)
                  --template FILE  SAM template (default: template.yaml of the project)
                  --stack NAME     stack name on the emulator (default sales-orders-local)
                Env AWS_ENDPOINT_URL: use that AWS endpoint instead of starting moto.""";

        public Options {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(stackName, "stackName");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Port out of range: " + port);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
        }

        /** Port 3000, demo orders, auth off, the project's template, stack {@code sales-orders-local}. */
        public static Options defaults() {
            return new Options("127.0.0.1", DEFAULT_PORT, true, false, null, null, DEFAULT_STACK, 16);
        }

        public Options withPort(int newPort) {
            return new Options(host, newPort, seed, auth, jwtSecret, template, stackName, threads);
        }

        public Options withSeed(boolean newSeed) {
            return new Options(host, port, newSeed, auth, jwtSecret, template, stackName, threads);
        }

        /** Turns the local JWT check on with the given secret, or off with {@code null}. */
        public Options withAuth(String secret) {
            return new Options(host, port, seed, secret != null, secret, template, stackName, threads);
        }

        public Options withTemplate(Path newTemplate) {
            return new Options(host, port, seed, auth, jwtSecret, newTemplate, stackName, threads);
        }

        public Options withStackName(String newStackName) {
            return new Options(host, port, seed, auth, jwtSecret, template, newStackName, threads);
        }

        public Options withThreads(int newThreads) {
            return new Options(host, port, seed, auth, jwtSecret, template, stackName, newThreads);
        }

        /** Like the record's own, with the secret masked. */
        @Override
        public String toString() {
            return "Options[host=" + host + ", port=" + port + ", seed=" + seed + ", auth=" + auth
                    + ", jwtSecret=" + (jwtSecret == null ? "none" : "***") + ", template=" + template
                    + ", stackName=" + stackName + ", threads=" + threads + "]";
        }

        Path templateOrDefault() {
            return template != null ? template : ProjectPaths.template();
        }

        /**
         * Options from the command line and the environment; the command line wins. {@code null} for
         * {@code --help}.
         */
        static Options parse(String[] args, Map<String, String> env) {
            Options options = defaults();
            if (env.get("PORT") != null && !env.get("PORT").isBlank()) {
                options = options.withPort(port(env.get("PORT")));
            }
            if ("false".equalsIgnoreCase(trim(env.get("SEED"))) || "0".equals(trim(env.get("SEED")))) {
                options = options.withSeed(false);
            }
            String secret = env.get("LOCAL_JWT_SECRET");
            String authEnv = trim(env.get("LOCAL_AUTH"));
            boolean auth = authEnv != null && List.of("on", "true", "1", "yes").contains(authEnv.toLowerCase(Locale.ROOT));
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> {
                        return null;
                    }
                    case "--port" -> options = options.withPort(port(value(args, ++i, arg)));
                    case "--no-seed" -> options = options.withSeed(false);
                    case "--seed" -> options = options.withSeed(true);
                    case "--auth" -> auth = true;
                    case "--no-auth" -> auth = false;
                    case "--template" -> options = options.withTemplate(Path.of(value(args, ++i, arg)));
                    case "--stack" -> options = options.withStackName(value(args, ++i, arg));
                    default -> {
                        if (arg.startsWith("--port=")) {
                            options = options.withPort(port(arg.substring("--port=".length())));
                        } else {
                            throw new IllegalArgumentException("Unknown option: " + arg);
                        }
                    }
                }
            }
            if (auth) {
                if (secret == null || secret.isBlank()) {
                    throw new IllegalArgumentException("Local auth is on but LOCAL_JWT_SECRET is not set");
                }
                options = options.withAuth(secret);
            }
            return options;
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static int port(String text) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a port number: " + text);
            }
        }

        private static String trim(String value) {
            return value == null ? null : value.trim();
        }
    }
}

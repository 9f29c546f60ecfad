package com.miniwms.salesorders.bench.launcher;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One cold start in this fresh JVM, as the Lambda Java runtime does it: bind the event JSON to the handler's input
 * type, build the handler by class name with its no-arg constructor, invoke it once, write the response as JSON.
 * Then it prints one {@value #RESULT_PREFIX} line with the response status and the times below, and exits.
 *
 * <p>Times, in milliseconds: {@code startToResponse} from the JVM's start (its own clock, read after the response so
 * that reading it costs nothing measured) to the response JSON; {@code startToMain} from the JVM's start to this
 * {@code main}; {@code event}, {@code init}, {@code invoke} the phases after it.
 *
 * <p>Class path: this launcher first, then the function artifact, which provides the Lambda event classes and
 * Jackson. Usage: {@code ColdStartLauncher <handler class> <event file>}.
 */
public final class ColdStartLauncher {
    public static final String RESULT_PREFIX = "BENCH-RESULT";

    private ColdStartLauncher() {
    }

    public static void main(String[] args) {
        long mainNanos = System.nanoTime();
        long mainMillis = System.currentTimeMillis();
        if (args.length != 2) {
            System.err.println("usage: ColdStartLauncher <handler class> <event file>");
            System.exit(2);
        }
        try {
            APIGatewayV2HTTPEvent event = EventJson.read(Path.of(args[1]));
            long eventNanos = System.nanoTime();
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = instantiate(args[0]);
            long initNanos = System.nanoTime();
            APIGatewayV2HTTPResponse response = handler.handleRequest(event,
                    new LauncherContext("00000000-0000-4000-8000-000000000001", simpleName(args[0]), System.err));
            byte[] json = EventJson.write(response);
            long responseNanos = System.nanoTime();

            long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
            double startToMain = mainMillis - jvmStartMillis;
            System.out.println(RESULT_PREFIX
                    + " status=" + response.getStatusCode()
                    + " startToResponseMs=" + millis(startToMain + (responseNanos - mainNanos) / 1e6)
                    + " startToMainMs=" + millis(startToMain)
                    + " eventMs=" + millis((eventNanos - mainNanos) / 1e6)
                    + " initMs=" + millis((initNanos - eventNanos) / 1e6)
                    + " invokeMs=" + millis((responseNanos - initNanos) / 1e6)
                    + " responseBytes=" + json.length
                    + " jvm=" + System.getProperty("java.runtime.version").replace(' ', '_'));
            System.out.flush();
            System.exit(0);
        } catch (Throwable failure) {
            System.out.flush();
            failure.printStackTrace();
            System.exit(1);
        }
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> instantiate(String className)
            throws ReflectiveOperationException {
        Class<?> type = Class.forName(className);
        return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) type.getDeclaredConstructor()
                .newInstance();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

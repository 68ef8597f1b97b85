package app.rekindle.launcher;

/**
 * {@code java -jar rekindle-launcher.jar}: starts the embedded stack described by {@link LauncherConfig},
 * prints where to find it, and keeps it running until Ctrl-C (or until a service dies).
 */
public final class RekindleLauncher {

    private RekindleLauncher() {}

    public static void main(String[] args) {
        LauncherConfig config;
        try {
            config = LauncherConfig.fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("Rekindle: " + e.getMessage());
            System.exit(2);
            return;
        }

        EmbeddedStack stack = new EmbeddedStack(config, System.out);
        // Registered before anything starts, so a Ctrl-C halfway through the start cleans up too.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "rekindle-stop"));
        try {
            stack.boot();
        } catch (RuntimeException e) {
            if (!stack.isClosed()) {
                System.err.println("Rekindle did not start: " + e.getMessage());
                System.exit(1);
            }
            return;
        }
        System.out.println(Banner.render(stack, config.dataDir()));

        String ending = stack.anyServiceExit().join();
        if (!stack.isClosed()) {
            System.err.println("Rekindle: " + ending + "; stopping everything.");
            System.exit(1);
        }
    }
}

package app.rekindle.launcher;

/** Stands in for a service that logs while it shuts down, as Spring Boot does on SIGTERM. */
public final class GracefulService {

    private GracefulService() {}

    public static void main(String[] args) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shut down gracefully")));
        System.out.println("ready");
        Thread.currentThread().join();
    }
}

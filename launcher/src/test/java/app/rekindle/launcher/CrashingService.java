package app.rekindle.launcher;

/** Stands in for a service that cannot start, e.g. because its database is unreachable. */
public final class CrashingService {

    private CrashingService() {}

    public static void main(String[] args) {
        System.out.println("failing on purpose");
        System.exit(3);
    }
}

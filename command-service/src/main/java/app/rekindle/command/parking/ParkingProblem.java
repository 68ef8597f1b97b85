package app.rekindle.command.parking;

import org.springframework.http.HttpStatus;

/** An operator's request on parked publishing that cannot be carried out, answered as problem+json. */
class ParkingProblem extends RuntimeException {

    final HttpStatus status;
    final String type;
    final String title;

    ParkingProblem(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    static ParkingProblem notParked() {
        return new ParkingProblem(
                HttpStatus.NOT_FOUND, "not-parked", "Nothing parked", "No event of this journal is parked.");
    }

    static ParkingProblem stillFailing(String cause) {
        return new ParkingProblem(
                HttpStatus.CONFLICT,
                "publishing-still-failing",
                "Still failing",
                "Kafka did not take the journal's first parked event (" + cause + "); it and the events behind it "
                        + "stay parked.");
    }

    static ParkingProblem notFirst(long first) {
        return new ParkingProblem(
                HttpStatus.CONFLICT,
                "not-first-parked",
                "Not the first parked event",
                "Only the journal's first parked event can be skipped; it is sequence " + first + ".");
    }
}

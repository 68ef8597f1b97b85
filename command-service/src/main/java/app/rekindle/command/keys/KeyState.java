package app.rekindle.command.keys;

import app.rekindle.events.privacy.DataKey;

/** What the key table says about one journal. */
sealed interface KeyState {

    record Live(DataKey key) implements KeyState {}

    /** The journal was erased: its key is gone, only its id remains. */
    record Destroyed(String keyId) implements KeyState {}

    record Unknown() implements KeyState {}
}

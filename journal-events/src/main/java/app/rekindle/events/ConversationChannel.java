package app.rekindle.events;

/**
 * How a conversation took place; added in version 2 of {@code conversation-logged}. Conversations logged
 * before it existed read as {@link #NOT_RECORDED}, never as a guess.
 */
public enum ConversationChannel {
    IN_PERSON,
    PHONE_CALL,
    VIDEO_CALL,
    MESSAGES,
    NOT_RECORDED
}

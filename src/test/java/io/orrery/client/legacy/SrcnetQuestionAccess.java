package io.orrery.client.legacy;

import java.util.List;

/** Opens {@link SrcnetQuestion#params} to the client's tests. */
public final class SrcnetQuestionAccess {
    private SrcnetQuestionAccess() {}

    public static String params(List<String> command) {
        return SrcnetQuestion.params(command).toString();
    }
}

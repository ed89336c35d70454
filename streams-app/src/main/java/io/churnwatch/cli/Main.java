package io.churnwatch.cli;

/** Placeholder entry point; replaced by the picocli command tree. */
public final class Main {
    private Main() {
    }

    public static void main(final String[] args) {
        System.out.println("churnwatch");
    }
}

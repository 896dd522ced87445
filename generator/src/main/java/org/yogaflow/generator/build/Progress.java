package org.yogaflow.generator.build;

/** Where a long stage reports how far it got (a bar on a terminal, a few lines in CI logs). */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void start(String what, int total) {}

        @Override
        public void advance() {}

        @Override
        public void finish() {}
    };

    void start(String what, int total);

    /** One more item done; may be called from any thread. */
    void advance();

    void finish();
}

package dev.ficus.cli;

/** A command whose global options are a field rather than a mixin. */
interface HasGlobalOptions {
    GlobalOptions global();
}

package dev.ddllint.config;

/**
 * Where a table created earlier counts as new, so that ALTERs on it are not a risk (it holds no rows yet).
 * FILE: created earlier in the same migration file; RUN: anywhere in the set analysed (right for pending
 * migrations, as the Flyway callback sees them); NONE: never.
 */
public enum NewTableScope { FILE, RUN, NONE }

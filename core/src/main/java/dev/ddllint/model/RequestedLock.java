package dev.ddllint.model;

/** The LOCK= clause as written. */
public enum RequestedLock { DEFAULT, NONE, SHARED, EXCLUSIVE }

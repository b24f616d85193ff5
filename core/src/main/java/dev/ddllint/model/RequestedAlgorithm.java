package dev.ddllint.model;

/** The ALGORITHM= clause as written. NOCOPY is MariaDB's "in place without a rebuild". */
public enum RequestedAlgorithm { DEFAULT, INSTANT, NOCOPY, INPLACE, COPY }

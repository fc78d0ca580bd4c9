package dev.ablate4j.cli;
public final class Main { public static void main(String[] a) { System.out.println("ablate4j"); } }

// Runs before every test file, isolated or not (vitest re-runs setup files per file even when
// modules are shared): the temp folders a file made are removed when that file ends.
import { afterAll } from "vitest";
import { removeTempDirs } from "./temp.js";

afterAll(removeTempDirs);

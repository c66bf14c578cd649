#!/usr/bin/env python3
"""Runs Hearsay over a JSON Lines corpus with Apache Spark: textFile -> pipe(`hearsay stream`) -> saveAsTextFile.

usage: spark-submit hearsay_spark.py INPUT OUTPUT --hearsay PATH [--pipeline FILE] [--partitions N] [--jobs N]
                                     [--ship] [--resources DIR]

INPUT is one article per line ({"id", "text"} or {"id", "html"}, as `hearsay stream` reads it), any path or URL
Spark's textFile reads (local, HDFS, S3, ...); OUTPUT is a directory of part files, one knowledge document or error
object per input line. Each partition runs one `hearsay stream` process over its lines.

Where the binary comes from:
  default  PATH (and FILE) exist at the same absolute path on every executor: a shared or installed location.
           The partitions go through `rdd.pipe`.
  --ship   PATH, FILE and the resources folder are on the driver only; Spark copies them to every executor
           (SparkContext.addFile, like spark-submit --files) and each partition runs its own copy.
"""
import argparse
import os
import shlex
import subprocess
import sys
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def command(binary, pipeline, jobs):
    """The partition's command. `hearsay stream` exits 1 when some lines became error objects (they are in the
    output); only a worse status (a crash, a bad pipeline.json) fails the task, so Spark retries or stops."""
    args = [binary, "stream", "--jobs", str(jobs)]
    if pipeline:
        args += ["--pipeline", pipeline]
    return ["/bin/sh", "-c", shlex.join(args) + '; s=$?; [ "$s" -le 1 ] || exit "$s"']


def shipped_partition(names, jobs):
    """For --ship: resolves the copied files on the executor, then pipes the partition through them."""
    binary_name, pipeline_name, resources_name = names

    def run(lines):
        binary = SparkFiles.get(binary_name)
        os.chmod(binary, 0o755)
        pipeline = SparkFiles.get(pipeline_name) if pipeline_name else None
        env = {"HEARSAY_RESOURCES": SparkFiles.get(resources_name)} if resources_name else {}
        proc = subprocess.Popen(command(binary, pipeline, jobs), env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

        def feed():
            for line in lines:
                proc.stdin.write(line.rstrip("\n").encode("utf-8") + b"\n")
            proc.stdin.close()

        writer = threading.Thread(target=feed)
        writer.start()
        for out in iter(proc.stdout.readline, b""):
            yield out.rstrip(b"\n").decode("utf-8")
        writer.join()
        if proc.wait() != 0:
            raise RuntimeError(f"hearsay stream exited with status {proc.returncode}")

    return run


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--hearsay", required=True, help="the hearsay binary")
    ap.add_argument("--pipeline", help="a pipeline.json; default: the built-in defaults")
    ap.add_argument("--partitions", type=int, default=0, help="minimum number of input partitions")
    ap.add_argument("--jobs", type=int, default=1, help="threads per hearsay process (one per task core)")
    ap.add_argument("--ship", action="store_true", help="copy the binary (and pipeline, resources) to the executors")
    ap.add_argument("--resources", help="with --ship: the built-in resources folder, sent as HEARSAY_RESOURCES")
    args = ap.parse_args()

    spark = SparkSession.builder.appName("hearsay").getOrCreate()
    sc = spark.sparkContext
    lines = sc.textFile(args.input, minPartitions=args.partitions or None)
    if args.ship:
        sc.addFile(os.path.abspath(args.hearsay))
        names = [os.path.basename(args.hearsay), None, None]
        if args.pipeline:
            sc.addFile(os.path.abspath(args.pipeline))
            names[1] = os.path.basename(args.pipeline)
        if args.resources:
            sc.addFile(os.path.abspath(args.resources), recursive=True)
            names[2] = os.path.basename(os.path.normpath(args.resources))
        knowledge = lines.mapPartitions(shipped_partition(names, args.jobs))
    else:
        env = {}
        if os.environ.get("HEARSAY_RESOURCES"):
            env["HEARSAY_RESOURCES"] = os.environ["HEARSAY_RESOURCES"]
        knowledge = lines.pipe(shlex.join(command(os.path.abspath(args.hearsay), args.pipeline and
                                                  os.path.abspath(args.pipeline), args.jobs)),
                               env=env, checkCode=True)
    knowledge.saveAsTextFile(args.output)
    print(f"hearsay_spark: wrote {args.output} from {lines.getNumPartitions()} partitions", file=sys.stderr)
    spark.stop()


if __name__ == "__main__":
    main()

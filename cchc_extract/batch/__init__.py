"""Batch processing: discover inputs, name outputs, skip what is up to date, run documents in
worker processes (or on a Dask cluster) with per-document limits, and write results as they finish.

The flow is ``discover -> naming -> cache -> runner/dask_runner -> worker.process``; the
``extract`` command only wires these together.
"""

"""The extraction harness and the accuracy report (make accuracy)."""

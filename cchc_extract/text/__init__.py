"""Text stages: normalisation (with an offset map) and segmentation."""

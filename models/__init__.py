"""What a winnow model is: pipeline factories, the artifact format, and batch prediction."""

from winnow.models.artifact import ArtifactError, load_artifact, save_artifact, verify_artifact
from winnow.models.cleaner import Cleaner

__all__ = ["ArtifactError", "Cleaner", "load_artifact", "save_artifact", "verify_artifact"]

import AmanatPublication
public import ArgumentParser

/// `md`, `html` or `json`, as typed after --format.
typealias ProjectionFormat = ProjectionFile.Format

extension ProjectionFile.Format: ExpressibleByArgument {}

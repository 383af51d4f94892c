# The event recogniser's lexicons, compiled into the core as Qt resources
# under :/lexicons/.
qt_add_resources(annotator_core event_lexicons
    PREFIX /lexicons
    BASE ${PROJECT_SOURCE_DIR}/resources/lexicons
    FILES
        ${PROJECT_SOURCE_DIR}/resources/lexicons/event-triggers.tsv
        ${PROJECT_SOURCE_DIR}/resources/lexicons/event-names.tsv)
